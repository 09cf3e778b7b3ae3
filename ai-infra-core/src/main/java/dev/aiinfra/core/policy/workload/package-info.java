/** Profile-dependent checks of typed pod templates: which restart settings the target cluster accepts. */
@AiInfraStyle
package dev.aiinfra.core.policy.workload;

import dev.aiinfra.core.model.AiInfraStyle;
