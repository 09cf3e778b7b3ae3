/**
 * Pod DNS as the API and the kubelet see it: {@code dnsPolicy}, {@code dnsConfig}, the kubelet's
 * cluster DNS settings, and the resolv.conf a container ends up with.
 */
@AiInfraStyle
package dev.aiinfra.core.model.dns;

import dev.aiinfra.core.model.AiInfraStyle;
