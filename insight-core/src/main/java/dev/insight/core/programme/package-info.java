/**
 * The engagement programme: its activities (surveys, focus groups, interviews, workshops, board meetings,
 * literature-review source studies, standing panels), the audiences heard, organisations and pseudonymous
 * participants.
 */
@NullMarked
package dev.insight.core.programme;

import org.jspecify.annotations.NullMarked;
