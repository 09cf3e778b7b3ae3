/** Isolation hardening for sandbox pods: the restricted-profile preset and default-deny egress allow-lists. */
@AiInfraStyle
package dev.aiinfra.sandbox.model.hardening;

import dev.aiinfra.core.model.AiInfraStyle;
