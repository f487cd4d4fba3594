package io.jdisco.worker.core.protocol.message;

/**
 * {@code WAIT n}: documented as "try again in n seconds"; never sent by 0.5.x masters, accepted
 * for completeness (SPEC §8.7).
 *
 * @param seconds how long to wait
 */
public record WaitReply(int seconds) implements MasterMessage {
    @Override
    public String name() {
        return "WAIT";
    }

    @Override
    public Object body() {
        return seconds;
    }
}
