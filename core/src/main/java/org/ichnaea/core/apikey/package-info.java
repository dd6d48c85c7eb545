/** API keys: what each key may do (locate, region, fallback), its limits and sample rates, and where keys are kept. */
package org.ichnaea.core.apikey;
