# Sourced by the recording scripts (baselines/record-recordings.sh, examples/go-payments/record.sh): runs SAME rounds
# of the base version and, spread evenly over them, VARIANT_RUNS rounds that record the base version, the regex
# variant and the formatter variant in a rotating order, so that machine drift hits all three alike. The caller
# defines `record POOL RUN` (POOL: same, regex or formatter); SAME (default 30) and VARIANT_RUNS (default 6) come from
# the environment.
SAME=${SAME:-30}
VARIANT_RUNS=${VARIANT_RUNS:-6}

record_rounds() {
    local pools=(same regex formatter) r k i pool
    for r in $(seq 1 "$SAME"); do
        k=$(( r * VARIANT_RUNS / SAME ))
        if (( k > (r - 1) * VARIANT_RUNS / SAME )); then
            for i in 0 1 2; do
                pool=${pools[$(( (i + k) % 3 ))]}
                if [ "$pool" = same ]; then record same "$r"; else record "$pool" "$k"; fi
            done
        else
            record same "$r"
        fi
    done
}
