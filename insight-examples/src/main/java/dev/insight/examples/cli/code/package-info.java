/**
 * The {@code insight code} commands: apply a codeframe's rules to comments, measure agreement between codings.
 */
package dev.insight.examples.cli.code;
