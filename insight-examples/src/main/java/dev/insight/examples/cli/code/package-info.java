/**
 * The {@code insight code} commands: apply a codeframe's rules to comments, measure agreement between codings, learn a
 * coder from coded comments and predict codes with it.
 */
package dev.insight.examples.cli.code;
