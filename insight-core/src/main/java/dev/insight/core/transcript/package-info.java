/**
 * Transcripts of focus groups and interviews: readers for WebVTT (Microsoft Teams and Zoom), the text of a Teams
 * Word transcript and plain text, producing speaker turns with timestamps, and the speaker list that maps the names
 * heard to pseudonymous participants.
 */
@NullMarked
package dev.insight.core.transcript;

import org.jspecify.annotations.NullMarked;
