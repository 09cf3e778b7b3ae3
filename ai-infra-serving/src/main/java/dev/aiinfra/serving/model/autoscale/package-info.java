/** What an SLO-aware autoscaler for inference servers watches and how cautious it is. */
@AiInfraStyle
package dev.aiinfra.serving.model.autoscale;

import dev.aiinfra.core.model.AiInfraStyle;
