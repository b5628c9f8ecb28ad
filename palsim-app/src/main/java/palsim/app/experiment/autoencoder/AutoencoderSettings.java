package palsim.app.experiment.autoencoder;

import java.util.ArrayList;
import java.util.List;
import palsim.app.config.ConfigSection;
import palsim.app.experiment.ExperimentSettings;
import palsim.core.feedback.FeedbackRuleRegistry;

/**
 * Everything an autoencoder run needs, parsed and validated from its config (docs/config.md,
 * "MNIST autoencoder with LE networks").
 *
 * @param network the {@code model} section
 * @param ruleSetups the {@code rules} section, in config order
 * @param data the {@code data} section
 * @param protocol the {@code protocol} section
 * @param metrics the {@code metrics} section
 */
public record AutoencoderSettings(NetworkSettings network, List<RuleSetup> ruleSetups, DataSettings data,
        ProtocolSettings protocol, MetricSettings metrics) implements ExperimentSettings {

    public AutoencoderSettings {
        ruleSetups = List.copyOf(ruleSetups);
    }

    /** Reads the experiment's sections from the top level of a config. */
    static AutoencoderSettings parse(ConfigSection config) {
        NetworkSettings network = NetworkSettings.parse(config.section("model"));
        ConfigSection rulesSection = config.section("rules");
        FeedbackRuleRegistry registry = FeedbackRuleRegistry.standard();
        List<RuleSetup> rules = new ArrayList<>();
        for (String name : rulesSection.keys()) {
            rules.add(RuleSetup.parse(rulesSection, name, network.sizes(), registry));
        }
        if (rules.isEmpty()) {
            throw config.error("rules", "needs at least one rule (bp, fa, dfa, pal)");
        }
        // The data source decides whether there is a validation split (the default of
        // protocol.validation_passes), and the batch size bounds the data sizes.
        ConfigSection dataSection = config.section("data");
        DataSettings.Source source = DataSettings.parseSource(dataSection);
        ProtocolSettings protocol = ProtocolSettings.parse(config.sectionOrEmpty("protocol"), network.layers(),
                source.hasValidation());
        DataSettings data = DataSettings.parse(dataSection, source, protocol.batchSize());
        MetricSettings metrics = MetricSettings.parse(config.sectionOrEmpty("metrics"));
        AutoencoderSettings settings = new AutoencoderSettings(network, rules, data, protocol, metrics);
        for (RuleSetup rule : rules) {
            rulesSection.section(rule.name()).check(() -> network.spec(rule, protocol));
        }
        return settings;
    }

    @Override
    public List<String> rules() {
        return ruleSetups.stream().map(RuleSetup::name).toList();
    }
}
