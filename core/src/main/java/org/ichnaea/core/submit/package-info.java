/** Submissions: reports of networks seen at a place, as they enter the pipeline. */
package org.ichnaea.core.submit;
