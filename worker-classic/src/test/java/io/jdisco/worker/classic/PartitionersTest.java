package io.jdisco.worker.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.fn.PartitionFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Vectors from SPEC §5.6, verified there with CPython 2.7 and 3.11. */
class PartitionersTest {
    private static final Params P = new Params();

    @ParameterizedTest(name = "md5 {0}")
    @CsvSource({"a,7,0", "abc,0,0", "hello,4,4", "'',6,1", "gutta,6,5"})
    void md5MatchesPython3(String key, int mod10, int mod7) {
        PartitionFunction f = Partitioners.md5();
        assertEquals(mod10, f.partition(Bytes.utf8(key), 10, P));
        assertEquals(mod7, f.partition(Bytes.utf8(key), 7, P));
        assertEquals(mod10, f.partition(key, 10, P), "a String key is hashed as its UTF-8 bytes");
    }

    @ParameterizedTest(name = "py2 {0}")
    @CsvSource({"a,12416037344,4,4", "abc,1453079729188098211,1,4", "hello,840651671246116861,1,5",
            "'',0,0,0", "gutta,-6480556542209338340,0,4"})
    void python2HashMatchesCPython27(String key, long hash, int mod10, int mod7) {
        assertEquals(hash, Partitioners.Python2Hash.hash(Bytes.utf8(key)));
        assertEquals(mod10, Partitioners.python2Hash().partition(Bytes.utf8(key), 10, P));
        assertEquals(mod7, Partitioners.python2Hash().partition(Bytes.utf8(key), 7, P));
    }

    @Test
    void python2HashOfTupleMatchesCPython27() {
        assertEquals(-3828833845468547008L, Partitioners.Python2Hash.hash(Tuple.of(Bytes.utf8("a"), 1L)));
    }

    @Test
    void python2HashOfIntIsTheInt() {
        assertEquals(12345L, Partitioners.Python2Hash.hash(12345));
        assertEquals(5, Partitioners.python2Hash().partition(12345L, 10, P));
        assertEquals(-2L, Partitioners.Python2Hash.hash(-1L));
    }

    @Test
    void asciiStringHashesLikeBytes() {
        assertEquals(Partitioners.Python2Hash.hash(Bytes.utf8("gutta")), Partitioners.Python2Hash.hash("gutta"));
    }

    @Test
    void md5HashesOtherKeysAsTheirPickle() throws Exception {
        // pickle protocol 1 of the int 42: BININT1 42 then STOP ('K' 0x2a '.')
        byte[] pickle = {'K', 42, '.'};
        java.math.BigInteger digest = new java.math.BigInteger(1,
                java.security.MessageDigest.getInstance("MD5").digest(pickle));
        for (int n : new int[] {1, 4, 7}) {
            int expected = digest.mod(java.math.BigInteger.valueOf(n)).intValue();
            assertEquals(expected, Partitioners.md5().partition(42L, n, P), "42L over " + n);
            assertEquals(expected, Partitioners.md5().partition(42, n, P), "an Integer 42 is the same int");
        }
    }

    @Test
    void md5PartitionsTuplesAndNullStablyAndInRange() {
        Tuple key = Tuple.of("a", 1L, 2.5, true);
        int label = Partitioners.md5().partition(key, 13, P);
        assertTrue(label >= 0 && label < 13);
        assertEquals(label, Partitioners.md5().partition(Tuple.of("a", 1L, 2.5, true), 13, P));
        assertEquals(0, Partitioners.md5().partition(null, 1, P));
    }

    @Test
    void md5RefusesAKeyThatCannotBePickledNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Partitioners.md5().partition(new Object() {
                    @Override
                    public String toString() {
                        return "odd-key";
                    }
                }, 4, P));
        assertTrue(e.getMessage().contains("odd-key") && e.getMessage().contains("cannot be pickled"),
                e.getMessage());
    }

    @Test
    void python2HashRefusesNone() {
        assertThrows(IllegalArgumentException.class, () -> Partitioners.python2Hash().partition(null, 4, P));
    }

    @Test
    void partitionCountMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Partitioners.md5().partition("a", 0, P));
    }

    @Test
    void resultIsAlwaysInRange() {
        for (int i = 0; i < 1000; i++) {
            int p = Partitioners.python2Hash().partition(Bytes.utf8("k" + i), 3, P);
            assertTrue(p >= 0 && p < 3);
        }
    }

    @Test
    void md5ModIsTheRemainderOfThe128BitDigestForAnyPartitionCount() throws Exception {
        java.util.Random rnd = new java.util.Random(7);
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        for (int i = 0; i < 2000; i++) {
            byte[] key = new byte[rnd.nextInt(20)];
            rnd.nextBytes(key);
            int n = i % 3 == 0 ? Integer.MAX_VALUE - rnd.nextInt(1000) : 1 + rnd.nextInt(i % 3 == 1 ? 64 : 1 << 20);
            int expected = new java.math.BigInteger(1, md5.digest(key)).mod(java.math.BigInteger.valueOf(n)).intValue();
            assertEquals(expected, Partitioners.md5Mod(key, n), "key " + java.util.Arrays.toString(key) + " n " + n);
        }
    }
}
