/**
 * The one shared Jackson mapper ({@link dev.aiinfra.core.json.Json}): every module's {@code read}
 * and {@code render} packages, the cluster adapter and the CLI use it instead of a mapper of their
 * own, so that null handling, number types, int-or-string binding and key order are the same
 * everywhere. A package of its own, below both seams, so that neither depends on the other for it.
 */
package dev.aiinfra.core.json;
