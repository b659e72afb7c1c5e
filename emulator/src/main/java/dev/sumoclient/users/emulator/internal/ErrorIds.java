package dev.sumoclient.users.emulator.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes error ids like Sumo's ({@code 7QKZP-V2M4A-XY91C}) that never repeat within an emulator.
 *
 * <p>A counter passed through a bijective mixer gives ids that look random yet cannot collide.
 */
final class ErrorIds {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private final AtomicLong counter;
  private final long salt;

  ErrorIds(long seed) {
    this.counter = new AtomicLong(seed);
    this.salt = mix(~seed);
  }

  String next() {
    long value = mix(counter.getAndIncrement());
    long saltBits = salt;
    char[] out = new char[17];
    int position = 16;
    for (int i = 0; i < 15; i++) {
      if (i == 5 || i == 10) {
        out[position--] = '-';
      }
      // Thirteen characters hold all 64 bits of the unique value; the last two vary per emulator.
      if (i < 13) {
        out[position--] = ALPHABET[(int) (value & 31)];
        value >>>= 5;
      } else {
        out[position--] = ALPHABET[(int) (saltBits & 31)];
        saltBits >>>= 5;
      }
    }
    return new String(out);
  }

  // The splitmix64 finalizer: a bijection on 64-bit values, so distinct counters give distinct ids.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
