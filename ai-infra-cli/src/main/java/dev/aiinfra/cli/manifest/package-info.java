/** Commands over whole manifests: validate, render, demo, apply, snapshot, version. */
package dev.aiinfra.cli.manifest;
