/**
 * Pure DNS policies: the kubelet's resolv.conf for a pod, the glibc and musl stub resolvers' query
 * sequence, and an ndots advisor that cuts wasted search-list queries without breaking lookups.
 */
@AiInfraStyle
package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.AiInfraStyle;
