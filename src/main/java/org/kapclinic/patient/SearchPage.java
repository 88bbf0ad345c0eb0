package org.kapclinic.patient;

import java.util.List;

/**
 * A page of search results. There is no total count on purpose: counting every match of a
 * one-letter prefix over a large clinic costs more than the page itself.
 */
record SearchPage<T>(List<T> items, int page, int size, boolean hasNext) {
}
