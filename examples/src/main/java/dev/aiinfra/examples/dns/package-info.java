/** Pod DNS examples: the resolv.conf the kubelet writes, the queries resolvers send, and ndots tuning. */
package dev.aiinfra.examples.dns;
