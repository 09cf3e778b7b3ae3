/**
 * CRDs read from files, and offline validation of custom resources against their structural
 * OpenAPI v3 schemas as the API server applies them (types, required fields, unknown fields, enums,
 * bounds, patterns, int-or-string, list-map keys). CEL rules ({@code x-kubernetes-validations}) are
 * not evaluated.
 */
package dev.aiinfra.core.read.schema;
