/** Cell and cell-area position search: one result per area of found cells, else one per found area. */
package org.ichnaea.core.locate.cell;
