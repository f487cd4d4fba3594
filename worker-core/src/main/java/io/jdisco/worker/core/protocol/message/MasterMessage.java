package io.jdisco.worker.core.protocol.message;

/** A message the master sends to the worker: a reply to a request (SPEC §2.2, master → worker). */
public sealed interface MasterMessage extends Message permits OkReply, TaskReply, InputReply, RetryReply,
        FailReply, WaitReply {
}
