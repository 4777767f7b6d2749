package dev.profgate.source.remote;

import com.google.protobuf.Timestamp;
import dev.profgate.base.Limits;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.proto.ParcaQuery.MergeProfile;
import dev.profgate.source.remote.proto.ParcaQuery.ProfileTypesRequest;
import dev.profgate.source.remote.proto.ParcaQuery.ProfileTypesResponse;
import dev.profgate.source.remote.proto.ParcaQuery.QueryRequest;
import dev.profgate.source.remote.proto.ParcaQuery.QueryResponse;
import dev.profgate.source.remote.proto.ParcaQuery.ValuesRequest;
import dev.profgate.source.remote.proto.ParcaQuery.ValuesResponse;
import java.util.List;

/**
 * Parca's query API ({@code parca.query.v1alpha1.QueryService}) in gRPC-Web over HTTP/1.1 with binary protobuf,
 * which Parca's server answers on its HTTP port beside native gRPC: {@code ProfileTypes} to resolve a type,
 * {@code Values} to check the selector's first {@code name="value"} label, and {@code Query} in mode MERGE with
 * report type PPROF for the merged, gzipped pprof profile of a window. Parca's query is the type id followed by the
 * selector, e.g. {@code parca_agent:samples:count:cpu:nanoseconds:delta{namespace="prod"}}.
 */
public final class ParcaClient implements ProfileBackend {
    static final String QUERY_SERVICE = "/parca.query.v1alpha1.QueryService/";

    private final HttpCaller caller;
    private final GrpcWebUnary grpcWeb;
    private final Limits limits;

    /** A client decoding profiles within the default {@link Limits}. */
    public ParcaClient(Endpoint endpoint) {
        this(endpoint, Limits.defaults());
    }

    /** A client decoding the profiles of {@code endpoint}'s answers within {@code limits}. */
    public ParcaClient(Endpoint endpoint, Limits limits) {
        this.caller = new HttpCaller("parca", endpoint);
        this.grpcWeb = new GrpcWebUnary(caller);
        this.limits = limits;
    }

    @Override
    public String server() {
        return caller.server();
    }

    @Override
    public String profileType(String requested, TimeRange range) {
        String what = "ProfileTypes";
        byte[] answer = call("ProfileTypes", what, ProfileTypesRequest.getDefaultInstance().toByteArray());
        List<String> ids = RemoteProfiles.message(caller, what, () -> ProfileTypesResponse.parseFrom(answer))
                .getTypesList().stream().map(t -> String.join(":", t.getName(), t.getSampleType(), t.getSampleUnit(),
                        t.getPeriodType(), t.getPeriodUnit()) + (t.getDelta() ? ":delta" : "")).sorted().toList();
        return ProfileTypeIds.resolve(requested, ids, caller, what);
    }

    @Override
    public void checkSelector(String type, LabelSelector selector, TimeRange range) {
        LabelSelector.LabelMatcher first = selector.matchers().stream().filter(m -> m.operator().equals("="))
                .findFirst().orElse(null);
        if (first == null) {
            return;
        }
        String what = "Values " + first.name() + " " + range;
        byte[] answer = call("Values", what, ValuesRequest.newBuilder().setLabelName(first.name())
                .setStart(timestamp(range.startMs())).setEnd(timestamp(range.endMs())).build().toByteArray());
        List<String> values = RemoteProfiles.message(caller, what, () -> ValuesResponse.parseFrom(answer))
                .getLabelValuesList().stream().sorted().toList();
        if (!values.contains(first.value())) {
            throw caller.error(what, "no profiles with " + first + " in " + range + "; values of " + first.name()
                    + ": " + ProfileTypeIds.list(values));
        }
    }

    @Override
    public Profile fetch(String type, LabelSelector selector, TimeRange range, String source) {
        String query = type + selector.text();
        String what = "Query MERGE " + query + " " + range;
        QueryRequest request = QueryRequest.newBuilder().setMode(QueryRequest.Mode.MODE_MERGE)
                .setMerge(MergeProfile.newBuilder().setQuery(query)
                        .setStart(timestamp(range.startMs())).setEnd(timestamp(range.endMs())))
                .setReportType(QueryRequest.ReportType.REPORT_TYPE_PPROF).build();
        byte[] answer;
        try {
            answer = grpcWeb.call(QUERY_SERVICE + "Query", what, request.toByteArray());
        } catch (RpcFailure failure) {
            if (failure.code().equals("not_found")) {
                return RemoteProfiles.empty(source);
            }
            throw caller.error(what, failure.describe());
        }
        QueryResponse response = RemoteProfiles.message(caller, what, () -> QueryResponse.parseFrom(answer));
        return RemoteProfiles.pprof(response.getPprof().toByteArray(), limits, caller, what, source);
    }

    private byte[] call(String method, String what, byte[] request) {
        try {
            return grpcWeb.call(QUERY_SERVICE + method, what, request);
        } catch (RpcFailure failure) {
            throw caller.error(what, failure.describe());
        }
    }

    static Timestamp timestamp(long millis) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(millis, 1000))
                .setNanos((int) Math.floorMod(millis, 1000) * 1_000_000).build();
    }
}
