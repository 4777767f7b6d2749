package dev.profgate.publish;

/**
 * When the sticky pull-request comment is written: {@code ALWAYS} creates or updates it on every run; {@code ON_CHANGE}
 * edits it only when its text changed and creates it only for a warn or fail verdict; {@code NEVER} leaves it alone.
 */
public enum CommentMode {
    ALWAYS, ON_CHANGE, NEVER
}
