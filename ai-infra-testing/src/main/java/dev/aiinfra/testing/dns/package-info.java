/** Generators for DNS inputs: host names, search lists, resolv.conf, answers, lookups, pods. */
package dev.aiinfra.testing.dns;
