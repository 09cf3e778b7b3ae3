/** In-place restart or recreation: which recovery a training job's expected failures call for (KEP-5307, KEP-5532, JobSet KEP 467). */
@AiInfraStyle
package dev.aiinfra.scheduling.policy.restart;

import dev.aiinfra.core.model.AiInfraStyle;
