package io.tracewire.bootstrap;

import java.util.Set;

/**
 * Reads just enough of a class file (the constant pool, then this class, its super class and
 * interfaces) to tell whether it is, or names as a direct supertype, one of a set of types. Far cheaper than a type pool,
 * and safe to run on every class that loads while the agent is still installing.
 */
final class ClassHeader {

  private static final int CONSTANT_UTF8 = 1;
  private static final int CONSTANT_CLASS = 7;

  private ClassHeader() {}

  static boolean isOrNamesDirectly(byte[] classfile, Set<String> internalNames) {
    try {
      int count = u2(classfile, 8);
      int[] offsets = new int[count];
      int position = 10;
      for (int index = 1; index < count; index++) {
        offsets[index] = position;
        int tag = classfile[position] & 0xFF;
        switch (tag) {
          case CONSTANT_UTF8:
            position += 3 + u2(classfile, position + 1);
            break;
          case 3: // Integer
          case 4: // Float
          case 9: // Fieldref
          case 10: // Methodref
          case 11: // InterfaceMethodref
          case 12: // NameAndType
          case 17: // Dynamic
          case 18: // InvokeDynamic
            position += 5;
            break;
          case 5: // Long
          case 6: // Double
            position += 9;
            index++;
            break;
          case CONSTANT_CLASS:
          case 8: // String
          case 16: // MethodType
          case 19: // Module
          case 20: // Package
            position += 3;
            break;
          case 15: // MethodHandle
            position += 4;
            break;
          default:
            return false;
        }
      }
      int thisClass = u2(classfile, position + 2);
      if (internalNames.contains(className(classfile, offsets, thisClass))) {
        return true;
      }
      int superClass = u2(classfile, position + 4);
      if (superClass != 0 && internalNames.contains(className(classfile, offsets, superClass))) {
        return true;
      }
      int interfaces = u2(classfile, position + 6);
      for (int i = 0; i < interfaces; i++) {
        int classIndex = u2(classfile, position + 8 + 2 * i);
        if (internalNames.contains(className(classfile, offsets, classIndex))) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /** Whether the class file contains any of the byte sequences. */
  static boolean containsAny(byte[] classfile, byte[][] markers) {
    for (byte[] marker : markers) {
      if (indexOf(classfile, marker) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    if (needle.length == 0) {
      return 0;
    }
    byte first = needle[0];
    int last = haystack.length - needle.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String className(byte[] classfile, int[] offsets, int classIndex) {
    int classEntry = offsets[classIndex];
    if ((classfile[classEntry] & 0xFF) != CONSTANT_CLASS) {
      return "";
    }
    int utf8Entry = offsets[u2(classfile, classEntry + 1)];
    int length = u2(classfile, utf8Entry + 1);
    // Class names in the pool are modified UTF-8; the names we look for are ASCII.
    return new String(classfile, utf8Entry + 3, length, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static int u2(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }
}
