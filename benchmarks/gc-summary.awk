# Sums a -Xlog:gc log: lines end with "Pause Young (Allocation Failure) 310M->58M(1024M) 12.345ms", that is
# before->after(committed) and the pause. Prints the GC count, the pauses, the peak heap used before a GC, the peak
# used after one (an upper bound on live data: a young collection leaves the old generation's garbage in), the peak
# after a full collection (live data then) and the peak committed.
/->/ { match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/); split(substr($0, RSTART, RLENGTH), m, /M->|M\(|M\)/);
       if (m[1] > before) before = m[1]; if (m[2] > after) after = m[2]; if (m[3] > committed) committed = m[3]; n++
       if (/Pause Full/ && m[2] > full) full = m[2]; if (/Pause Full/) fulls++
       if (match($0, /[0-9.]+ms$/)) pause += substr($0, RSTART, RLENGTH - 2) }
END { printf "GCs: %d (%d full), %.1f s of pauses; peak heap used before a GC: %d MB; peak used after a GC: %d MB; " \
      "peak after a full GC (live): %d MB; peak committed: %d MB\n", n, fulls, pause / 1000, before, after, full,
      committed }
