package dev.profgate.config;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lays records of one settings type over each other: each component takes the first layer's value that is not null,
 * and a component that is itself a record is laid the same way. deploy-check lays its flags over profgate.yml's
 * deploy section over {@link DeploySettings#DEFAULTS}, so a flag wins over the file and the file over the default.
 */
public final class Overlay {
    private Overlay() {
    }

    /** {@code layers} (the first on top) merged component by component; none of them may be null. */
    @SafeVarargs
    public static <R extends Record> R of(R... layers) {
        Class<?> type = layers[0].getClass();
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = top(components[i], layers);
        }
        try {
            @SuppressWarnings("unchecked")
            R merged = (R) type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
            return merged;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object top(RecordComponent component, Record[] layers) {
        List<Object> present = Arrays.stream(layers).map(layer -> value(component, layer)).filter(Objects::nonNull)
                .toList();
        if (present.isEmpty()) {
            return null;
        }
        return component.getType().isRecord() ? of(present.toArray(Record[]::new)) : present.get(0);
    }

    private static Object value(RecordComponent component, Record layer) {
        try {
            return component.getAccessor().invoke(layer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
