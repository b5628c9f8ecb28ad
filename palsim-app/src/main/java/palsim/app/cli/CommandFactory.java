package palsim.app.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;

/**
 * Creates command objects for picocli: a class with a constructor taking an {@link AppEnvironment}
 * gets the environment; any other class (e.g. a command without dependencies) is made by picocli's
 * default factory. So a new subcommand is registered by adding its class to
 * {@link PalsimCommand}'s {@code subcommands} list, nothing else.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final AppEnvironment environment;

    CommandFactory(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withEnvironment;
        try {
            withEnvironment = type.getDeclaredConstructor(AppEnvironment.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        withEnvironment.setAccessible(true);
        try {
            return withEnvironment.newInstance(environment);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
