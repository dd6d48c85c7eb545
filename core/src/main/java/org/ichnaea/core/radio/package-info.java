/**
 * Radio identities: MAC addresses of Wi-Fi and Bluetooth networks, cell and cell-area ids (including 5G NR), radio
 * types, Wi-Fi channel/frequency rules and the mobile-country-code table.
 */
package org.ichnaea.core.radio;
