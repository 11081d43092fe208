/**
 * Point-in-time correct feature retrieval for training sets: each entity row gets every feature as it was known
 * at the row's time, never a value from its future. This defines the semantics that the feature store's SQL
 * implements.
 */
package org.retailcx.personalization.model.features;
