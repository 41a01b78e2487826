package ai.haski.desktop.ui.main;

import ai.haski.desktop.ui.dialog.DialogService;
import ai.haski.desktop.ui.models.ModelChoice;
import ai.haski.desktop.ui.models.ModelManagerViewModel;
import ai.haski.desktop.ui.notice.Notice;
import ai.haski.desktop.ui.notice.NoticeSink;
import java.util.List;
import java.util.Optional;

/** Model > Remove…: asks which of the user's own models to remove, asks again before deleting it, then removes it. */
public final class ModelRemoval {
    /** The title of the choice, then of its confirmation. */
    public static final String TITLE = "Remove a model";
    public static final String CONFIRM_TITLE = "Remove the model?";

    private final ModelManagerViewModel manager;
    private final DialogService dialogs;
    private final NoticeSink notices;

    ModelRemoval(ModelManagerViewModel manager, DialogService dialogs, NoticeSink notices) {
        this.manager = manager;
        this.dialogs = dialogs;
        this.notices = notices;
    }

    /** The whole flow; nothing is removed unless the user picks a model and then confirms. */
    void run() {
        List<ModelChoice> removable = manager.removableModels();
        if (removable.isEmpty()) {
            notices.post(Notice.info("You have added no models, so there is none to remove (the bundled ones stay). "
                    + "Your models folder is " + manager.modelsFolder() + "."));
            return;
        }
        ModelChoice suggested = removable.stream().filter(manager::isActive).findFirst().orElse(removable.get(0));
        Optional<ModelChoice> chosen = dialogs.choose(TITLE, "Which of your models should be removed? Bundled models "
                + "cannot be.", "Model:", removable, suggested);
        if (chosen.isEmpty()) {
            return;
        }
        ModelChoice choice = chosen.get();
        String details = "Its folder " + manager.modelsFolder().resolve(choice.id()) + " is deleted; results already "
                + "made with it stay." + (manager.isActive(choice) ? " It is the active model: the default model "
                + "takes its place." : "");
        if (dialogs.confirm(CONFIRM_TITLE, "Remove " + choice.title() + "?", details, "OK")) {
            manager.remove(choice);
        }
    }
}
