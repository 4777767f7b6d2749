package dev.profgate.attribution;

/** A commit that may have caused a finding, how strongly, and why ({@code evidence}, Markdown-free text). */
public record Suspect(Commit commit, Confidence confidence, String evidence, int linesInFunction) {
}
