package dev.profgate.source.remote;

import dev.profgate.base.Limits;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.proto.PyroscopeQuerier.ProfileTypesRequest;
import dev.profgate.source.remote.proto.PyroscopeQuerier.ProfileTypesResponse;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectMergeProfileRequest;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectSeriesRequest;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectSeriesResponse;
import dev.profgate.source.remote.proto.PyroscopeTypes.LabelPair;
import dev.profgate.source.remote.proto.PyroscopeTypes.LabelValuesRequest;
import dev.profgate.source.remote.proto.PyroscopeTypes.LabelValuesResponse;
import dev.profgate.source.remote.proto.PyroscopeTypes.Point;
import dev.profgate.source.remote.proto.PyroscopeTypes.ProfileType;
import dev.profgate.source.remote.proto.PyroscopeTypes.Series;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Grafana Pyroscope's query API in the Connect protocol ({@code querier.v1.QuerierService}, binary protobuf):
 * {@code ProfileTypes} to resolve a short type name, {@code LabelValues} of {@code __profile_type__} and
 * {@code service_name} to check a selector and list what exists, {@code SelectMergeProfile} for the merged pprof
 * profile of a window, {@code SelectSeries} for the total per value of a label over time (the versions deployed). A server that does not know these procedures (a route 404 or {@code unimplemented}: Pyroscope
 * before 1.0) is asked through the legacy {@code /pyroscope/render} flamebearer JSON API instead, with the query
 * {@code SERVICE.TYPE{other labels}} of those versions.
 */
public final class PyroscopeClient implements ProfileBackend {
    static final String QUERIER = "/querier.v1.QuerierService/";
    static final String PROFILE_TYPE_LABEL = "__profile_type__";
    static final String SERVICE_LABEL = "service_name";
    static final String RENDER = "/pyroscope/render";

    private final HttpCaller caller;
    private final ConnectUnary connect;
    private final Limits limits;
    private boolean legacy;

    /** A client decoding profiles within the default {@link Limits}. */
    public PyroscopeClient(Endpoint endpoint) {
        this(endpoint, Limits.defaults());
    }

    /** A client decoding the profiles of {@code endpoint}'s answers within {@code limits}. */
    public PyroscopeClient(Endpoint endpoint, Limits limits) {
        this.caller = new HttpCaller("pyroscope", endpoint);
        this.connect = new ConnectUnary(caller);
        this.limits = limits;
    }

    @Override
    public String server() {
        return caller.server();
    }

    /** True once the server turned out to speak only the legacy render API. */
    public boolean legacy() {
        return legacy;
    }

    @Override
    public String profileType(String requested, TimeRange range) {
        if (requested.split(":").length >= 5) {
            return requested;
        }
        String what = "ProfileTypes " + range;
        byte[] answer = call("ProfileTypes", what,
                ProfileTypesRequest.newBuilder().setStart(range.startMs()).setEnd(range.endMs()).build().toByteArray());
        if (legacy) {
            return requested;
        }
        List<String> ids = RemoteProfiles.message(caller, what, () -> ProfileTypesResponse.parseFrom(answer)).getProfileTypesList().stream()
                .map(ProfileType::getID).sorted().toList();
        return ProfileTypeIds.resolve(requested, ids, caller, what);
    }

    @Override
    public void checkSelector(String type, LabelSelector selector, TimeRange range) {
        List<String> types = labelValues(PROFILE_TYPE_LABEL, List.of(selector.text()), range);
        if (legacy || types.contains(type)) {
            return;
        }
        String what = "LabelValues " + selector + " " + range;
        if (types.isEmpty()) {
            throw caller.error(what, "no profiles match " + selector + " in " + range + "; services with profiles: "
                    + ProfileTypeIds.list(labelValues(SERVICE_LABEL, List.of(), range)));
        }
        String service = selector.equalTo(SERVICE_LABEL);
        throw caller.error(what, "no profile type " + type + " for " + (service != null ? "service " + service
                : selector.text()) + "; available: " + ProfileTypeIds.list(types));
    }

    @Override
    public Profile fetch(String type, LabelSelector selector, TimeRange range, String source) {
        if (!legacy) {
            String what = "SelectMergeProfile " + type + selector + " " + range;
            byte[] answer = call("SelectMergeProfile", what, SelectMergeProfileRequest.newBuilder()
                    .setProfileTypeID(type).setLabelSelector(selector.text())
                    .setStart(range.startMs()).setEnd(range.endMs()).build().toByteArray());
            if (!legacy) {
                return RemoteProfiles.pprof(answer, limits, caller, what, source);
            }
        }
        return render(type, selector, range, source);
    }

    @Override
    public List<LabelSeries> seriesBy(String type, LabelSelector selector, String label, TimeRange range,
                                      long stepSeconds) {
        String what = "SelectSeries " + type + selector + " by " + label + " " + range;
        byte[] answer = call("SelectSeries", what, SelectSeriesRequest.newBuilder().setProfileTypeID(type)
                .setLabelSelector(selector.text()).setStart(range.startMs()).setEnd(range.endMs()).addGroupBy(label)
                .setStep(stepSeconds).build().toByteArray());
        if (legacy) {
            return ProfileBackend.super.seriesBy(type, selector, label, range, stepSeconds);
        }
        List<LabelSeries> series = new ArrayList<>();
        for (Series s : RemoteProfiles.message(caller, what, () -> SelectSeriesResponse.parseFrom(answer))
                .getSeriesList()) {
            String value = s.getLabelsList().stream().filter(l -> l.getName().equals(label)).map(LabelPair::getValue)
                    .findFirst().orElse("");
            series.add(new LabelSeries(value, s.getPointsList().stream().mapToLong(Point::getTimestamp).toArray(),
                    s.getPointsList().stream().mapToDouble(Point::getValue).toArray()));
        }
        return series;
    }

    private List<String> labelValues(String name, List<String> matchers, TimeRange range) {
        String what = "LabelValues " + name + (matchers.isEmpty() ? "" : " " + matchers.get(0)) + " " + range;
        byte[] answer = call("LabelValues", what, LabelValuesRequest.newBuilder().setName(name)
                .addAllMatchers(matchers).setStart(range.startMs()).setEnd(range.endMs()).build().toByteArray());
        return legacy ? List.of() : RemoteProfiles.message(caller, what, () -> LabelValuesResponse.parseFrom(answer)).getNamesList().stream()
                .sorted().toList();
    }

    /** Calls a querier procedure; on an unknown procedure switches to the legacy API and returns an empty answer. */
    private byte[] call(String method, String what, byte[] request) {
        try {
            return connect.call(QUERIER + method, what, request);
        } catch (RpcFailure failure) {
            if (failure.unknownProcedure()) {
                legacy = true;
                return new byte[0];
            }
            throw caller.error(what, failure.describe());
        }
    }

    private Profile render(String type, LabelSelector selector, TimeRange range, String source) {
        String service = selector.equalTo(SERVICE_LABEL);
        if (service == null) {
            throw caller.error(RENDER, "this server has only the legacy render API, whose queries need "
                    + SERVICE_LABEL + "=\"...\" in the selector " + selector);
        }
        String[] parts = type.split(":");
        String query = service + "." + (parts.length > 1 ? parts[1] : parts[0]) + selector.without(SERVICE_LABEL);
        String what = "render " + query + " " + range;
        String path = RENDER + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&from=" + Math.floorDiv(range.startMs(), 1000) + "&until=" + Math.floorDiv(range.endMs() + 999, 1000)
                + "&format=json";
        HttpReply reply = caller.send(what, HttpRequest.newBuilder(caller.endpoint().resolve(path)).GET());
        if (reply.status() != 200) {
            throw caller.error(what, new RpcFailure(reply.status(), "", reply.bodyLine(200)).describe());
        }
        return RemoteProfiles.flamebearer(reply.body(), limits, caller, what, source);
    }
}
