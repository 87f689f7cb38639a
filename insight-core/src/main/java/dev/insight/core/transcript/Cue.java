package dev.insight.core.transcript;

/**
 * One piece of speech as the source gives it, before cues of one speaker are merged into turns.
 *
 * @param line the 1-based line where it starts
 * @param start the start in ms, or {@link Turn#NO_TIME}
 * @param end the end in ms, or {@link Turn#NO_TIME}
 * @param speaker the name as heard, whitespace collapsed
 * @param text the words, whitespace collapsed
 */
record Cue(long line, long start, long end, String speaker, String text) {}
