/**
 * The jobs a master knows: submission (validation, naming, job home set-up), kill, purge and
 * clean; the registry of jobs by name; what is known of each job over its life.
 */
package io.jdisco.local.internal.jobs;
