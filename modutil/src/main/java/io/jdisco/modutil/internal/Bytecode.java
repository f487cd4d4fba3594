package io.jdisco.modutil.internal;

import java.util.function.IntConsumer;

/**
 * Walks the instructions of one {@code Code} attribute and reports each constant-pool index an
 * instruction uses (JVMS §6.5). Only lambda bodies need this: the constant pool is shared by the
 * whole class, so to know what one method mentions we must read its instructions.
 *
 * <pre>
 *   ldc u1 index                  ldc_w, ldc2_w u2 index
 *   get/put field/static, invokevirtual/special/static, new, anewarray, checkcast,
 *   instanceof: u2 index          invokeinterface u2 index, u1 count, u1 0
 *   invokedynamic u2 index, u2 0  multianewarray u2 index, u1 dimensions
 *   tableswitch / lookupswitch: 0-3 pad bytes to a multiple of 4 from the code start, then
 *     default s4, low s4, high s4, (high-low+1) s4  /  default s4, npairs s4, npairs * (s4, s4)
 *   wide: opcode u1, u2 local [, s2 const when the opcode is iinc]
 * </pre>
 */
final class Bytecode {
    private Bytecode() {
    }

    /** Calls {@code constant} with every constant-pool index used by the code at the offsets. */
    static void constants(ClassBytes in, int codeStart, int codeLength, IntConsumer constant) {
        int end = codeStart + codeLength;
        int pc = codeStart;
        while (pc < end) {
            int opcode = in.u1At(pc);
            int length;
            if (opcode == 0x12) {
                constant.accept(in.u1At(pc + 1));
                length = 2;
            } else if (opcode == 0x13 || opcode == 0x14 || (opcode >= 0xb2 && opcode <= 0xb8)
                    || opcode == 0xbb || opcode == 0xbd || opcode == 0xc0 || opcode == 0xc1) {
                constant.accept(in.u2At(pc + 1));
                length = 3;
            } else if (opcode == 0xb9 || opcode == 0xba) {
                constant.accept(in.u2At(pc + 1));
                length = 5;
            } else if (opcode == 0xc5) {
                constant.accept(in.u2At(pc + 1));
                length = 4;
            } else {
                length = plainLength(in, opcode, pc, codeStart);
            }
            pc += length;
        }
        if (pc != end) {
            throw in.malformed("instruction runs past the end of the code", pc);
        }
    }

    /** The length of an instruction that uses no constant. */
    private static int plainLength(ClassBytes in, int opcode, int pc, int codeStart) {
        if (opcode <= 0x0f || (opcode >= 0x1a && opcode <= 0x35)
                || (opcode >= 0x3b && opcode <= 0x83) || (opcode >= 0x85 && opcode <= 0x98)
                || (opcode >= 0xac && opcode <= 0xb1) || opcode == 0xbe || opcode == 0xbf
                || opcode == 0xc2 || opcode == 0xc3) {
            return 1;
        }
        if (opcode == 0x10 || (opcode >= 0x15 && opcode <= 0x19)
                || (opcode >= 0x36 && opcode <= 0x3a) || opcode == 0xa9 || opcode == 0xbc) {
            return 2;
        }
        if (opcode == 0x11 || opcode == 0x84 || (opcode >= 0x99 && opcode <= 0xa8)
                || opcode == 0xc6 || opcode == 0xc7) {
            return 3;
        }
        if (opcode == 0xc8 || opcode == 0xc9) {
            return 5;
        }
        if (opcode == 0xc4) {
            return in.u1At(pc + 1) == 0x84 ? 6 : 4;
        }
        if (opcode == 0xaa || opcode == 0xab) {
            int operands = pc + 1 + ((4 - ((pc + 1 - codeStart) % 4)) % 4);
            if (opcode == 0xaa) {
                int low = in.s4At(operands + 4);
                int high = in.s4At(operands + 8);
                long entries = (long) high - low + 1;
                if (entries < 0 || entries > 65536) {
                    throw in.malformed("tableswitch with " + entries + " entries", pc);
                }
                return (int) (operands + 12 + entries * 4 - pc);
            }
            int pairs = in.s4At(operands + 4);
            if (pairs < 0 || pairs > 65536) {
                throw in.malformed("lookupswitch with " + pairs + " pairs", pc);
            }
            return operands + 8 + pairs * 8 - pc;
        }
        throw in.malformed("unknown opcode 0x" + Integer.toHexString(opcode), pc);
    }
}
