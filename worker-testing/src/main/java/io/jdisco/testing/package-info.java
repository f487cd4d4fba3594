/**
 * The test kit: {@link io.jdisco.testing.ClassicJobTester} runs a classic job in memory,
 * {@link io.jdisco.testing.TaskHarness} runs one task through the real protocol against a
 * {@link io.jdisco.worker.core.protocol.channel.FakeMaster}.
 */
package io.jdisco.testing;
