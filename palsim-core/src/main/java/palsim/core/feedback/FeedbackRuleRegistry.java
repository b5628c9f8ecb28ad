package palsim.core.feedback;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Feedback rules by configuration name. {@link #standard()} knows bp, dfa, fa, kolen_pollack, pal, sign_symmetry and weight_mirror; further
 * rules register a factory under a new name.
 */
public final class FeedbackRuleRegistry {
    private final Map<String, Function<RuleParameters, FeedbackRule>> factories = new TreeMap<>();

    /** A registry with the rules palsim ships. */
    public static FeedbackRuleRegistry standard() {
        FeedbackRuleRegistry r = new FeedbackRuleRegistry();
        r.register(Backprop.NAME, p -> new Backprop());
        r.register(FeedbackAlignment.NAME, p -> new FeedbackAlignment());
        r.register(DirectFeedbackAlignment.NAME, p -> new DirectFeedbackAlignment());
        r.register(PhaselessAlignment.NAME, FeedbackRuleRegistry::phaselessAlignment);
        r.register(SignSymmetry.NAME, p -> new SignSymmetry());
        r.register(KolenPollack.NAME, p -> new KolenPollack(p.number("decay")));
        r.register(WeightMirror.NAME, FeedbackRuleRegistry::weightMirror);
        return r;
    }

    /**
     * Adds a rule.
     *
     * @throws IllegalArgumentException if the name is taken
     */
    public void register(String name, Function<RuleParameters, FeedbackRule> factory) {
        if (factories.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("feedback rule '" + name + "' is already registered");
        }
    }

    /** The registered names, sorted. */
    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(factories.keySet()));
    }

    /** Whether {@code name} is registered. */
    public boolean contains(String name) {
        return factories.containsKey(name);
    }

    /**
     * Builds the rule called {@code name} from its settings.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or
     *     bad settings (the message names the key)
     */
    public FeedbackRule create(String name, RuleParameters parameters) {
        Function<RuleParameters, FeedbackRule> factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown feedback rule '" + name + "'; known: " + String.join(", ", factories.keySet()));
        }
        return factory.apply(parameters);
    }

    private static ExploratoryNoise noise(RuleParameters p) {
        RuleParameters noise = p.section("noise");
        return new ExploratoryNoise(noise.numbers("std"), noise.number("tau"), noise.number("refresh_interval", 0.0));
    }

    private static FeedbackRule phaselessAlignment(RuleParameters p) {
        return new PhaselessAlignment(noise(p), p.number("tau_high_pass"), p.numbers("learning_rates"),
                p.numbers("decay"), p.number("tau_forward_low_pass", 0.0));
    }

    private static FeedbackRule weightMirror(RuleParameters p) {
        RuleParameters schedule = p.section("schedule");
        return new WeightMirror(noise(p), p.numbers("learning_rates"), p.numbers("decay"),
                new FeedbackSchedule(schedule.number("period"), schedule.number("duration")));
    }
}
