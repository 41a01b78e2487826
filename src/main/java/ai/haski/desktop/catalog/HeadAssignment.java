package ai.haski.desktop.catalog;

import ai.haski.desktop.catalog.ImportProblem.Code;
import ai.haski.desktop.catalog.ProblemList.Refused;
import ai.haski.desktop.model.HeadSpec;
import ai.haski.desktop.model.HeadSpec.Activation;
import ai.haski.desktop.model.ManifestRules;
import ai.haski.desktop.model.OutputSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the heads of a labels file (or the Haski layout, for a 14-value output) on the model's outputs: each head
 * takes the next slice of its output, or of the output it names, and every output value must belong to a head.
 */
final class HeadAssignment {
    private final ProblemList problems;

    HeadAssignment(ProblemList problems) {
        this.problems = problems;
    }

    List<HeadSpec> assign(Optional<Path> labelsFile, List<OutputSpec> outputs) throws Refused {
        List<LabelsFile.Head> drafts = drafts(labelsFile, outputs);
        Path labels = labelsFile.orElse(null);
        Map<String, Integer> used = new LinkedHashMap<>();
        outputs.forEach(o -> used.put(o.name(), 0));
        List<HeadSpec> heads = new ArrayList<>();
        int cursor = 0;
        for (LabelsFile.Head draft : drafts) {
            OutputSpec output;
            if (draft.output().isPresent()) {
                Optional<OutputSpec> named = outputs.stream().filter(o -> o.name().equals(draft.output().get()))
                        .findFirst();
                if (named.isEmpty()) {
                    problems.add("labels", Code.HEAD_OUTPUT_UNKNOWN, labels, draft.name(), draft.output().get(),
                            outputs.stream().map(OutputSpec::name).toList());
                    continue;
                }
                output = named.get();
            } else {
                while (cursor < outputs.size() - 1
                        && used.get(outputs.get(cursor).name()) >= outputs.get(cursor).elementCount()) {
                    cursor++;
                }
                output = outputs.get(cursor);
            }
            if (draft.noneLabel().isPresent() && !draft.labels().contains(draft.noneLabel().get())) {
                problems.add("labels", Code.HEAD_NONE_LABEL_UNKNOWN, labels, draft.name(), draft.noneLabel().get(),
                        draft.labels());
                continue;
            }
            if (draft.mode() == HeadSpec.Mode.MULTI_LABEL && draft.activation() == Activation.SOFTMAX) {
                problems.add("labels", Code.HEAD_MULTI_LABEL_SOFTMAX, labels, draft.name());
                continue;
            }
            int offset = used.get(output.name());
            used.put(output.name(), offset + draft.labels().size());
            heads.add(new HeadSpec(draft.name(), output.name(), offset, draft.labels().size(), draft.activation(),
                    draft.mode(), draft.labels(), draft.noneLabel(),
                    draft.threshold().orElse(ManifestRules.DEFAULT_THRESHOLD)));
        }
        problems.stopIfAny();
        for (OutputSpec output : outputs) {
            long have = used.get(output.name());
            if (have != output.elementCount()) {
                List<String> on = heads.stream().filter(h -> h.output().equals(output.name()))
                        .map(h -> h.name() + " " + h.length()).toList();
                problems.add("labels", Code.LABEL_COUNT, labels, have, output.name(), on,
                        Arrays.toString(output.shape()), output.elementCount());
            }
        }
        problems.stopIfAny();
        return heads;
    }

    private List<LabelsFile.Head> drafts(Optional<Path> labelsFile, List<OutputSpec> outputs) throws Refused {
        if (labelsFile.isPresent()) {
            try {
                return LabelsFile.read(labelsFile.get());
            } catch (ImportException e) {
                problems.addAll(e.problems());
                throw new Refused();
            }
        }
        if (outputs.size() == 1 && outputs.get(0).elementCount() == LabelsFile.HASKI_VALUES) {
            return LabelsFile.haskiDefault();
        }
        long total = outputs.stream().mapToLong(OutputSpec::elementCount).sum();
        throw problems.refuse("labels", Code.LABELS_NEEDED, outputs.stream().map(OutputSpec::name).toList(), total);
    }
}
