/**
 * Wi-Fi and Bluetooth position search: complete-linkage clustering and Levenberg–Marquardt refinement, shared by both
 * kinds of MAC-addressed network with their own constants.
 */
package org.ichnaea.core.locate.wifi;
