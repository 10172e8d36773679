package org.fujie.pki.operator;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a token's slot by its label. Slot ids are not stable (SoftHSM2 derives them from the token's serial, HSMs from
 * their partitions), labels are what operators name. The JDK has no public API for token labels, so this calls the
 * SunPKCS11 wrapper the provider itself uses, which needs the JVM option
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} (set by Fujie's launchers and
 * build); without it the error says so, and configuring the slot id instead always works.
 */
final class Pkcs11Slots {

    static final String EXPORT = "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper";
    private static final long CKF_OS_LOCKING_OK = 0x2;

    private Pkcs11Slots() {
    }

    static long slotOf(Path library, String label) {
        List<String> labels = new ArrayList<>();
        try {
            Object pkcs11 = wrapper(library);
            Method tokenInfo = pkcs11.getClass().getMethod("C_GetTokenInfo", long.class);
            for (long slot : (long[]) pkcs11.getClass().getMethod("C_GetSlotList", boolean.class).invoke(pkcs11, true)) {
                Object info = tokenInfo.invoke(pkcs11, slot);
                String found = new String((char[]) info.getClass().getField("label").get(info)).strip();
                if (found.equals(label)) {
                    return slot;
                }
                labels.add(found);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            if (e instanceof IllegalAccessException || e.getClass().getSimpleName().equals("InaccessibleObjectException")) {
                throw new KeyBackendException("finding a PKCS#11 token by label needs the JVM option --add-exports " + EXPORT
                        + "=ALL-UNNAMED; or configure its slot id");
            }
            throw new KeyBackendException("cannot list the tokens of " + library + ": " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new KeyBackendException("cannot list the tokens of " + library + ": " + cause.getMessage(), e);
        }
        throw new KeyBackendException("no token labelled '" + label + "' in " + library + " (tokens: " + String.join(", ", labels) + ")");
    }

    /** The library's wrapper, initialised as SunPKCS11 initialises it (OS locking), and shared with the provider. */
    private static Object wrapper(Path library) throws ReflectiveOperationException {
        Class<?> argsType = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
        Object args = argsType.getConstructor().newInstance();
        Field flags = argsType.getField("flags");
        flags.setLong(args, CKF_OS_LOCKING_OK);
        Method getInstance = Class.forName("sun.security.pkcs11.wrapper.PKCS11")
                .getMethod("getInstance", String.class, String.class, argsType, boolean.class);
        return getInstance.invoke(null, library.toString(), "C_GetFunctionList", args, false);
    }
}
