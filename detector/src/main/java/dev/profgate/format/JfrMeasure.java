package dev.profgate.format;

import dev.profgate.model.SampleType;

/** What a JFR event measures: a count column and a value column of the profile, in this (column) order. */
enum JfrMeasure {
    CPU("samples", "cpu", "nanoseconds"),
    ALLOCATION("alloc_samples", "alloc_space", "bytes"),
    MONITOR("contentions", "delay", "nanoseconds"),
    PARK("parks", "park_delay", "nanoseconds");

    final SampleType count;
    final SampleType value;

    JfrMeasure(String countName, String valueName, String valueUnit) {
        this.count = new SampleType(countName, "count");
        this.value = new SampleType(valueName, valueUnit);
    }
}
