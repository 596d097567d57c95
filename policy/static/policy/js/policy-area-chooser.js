// A campaign's policy-area chooser opens at the policy positions (startAt)
// rather than the root; once an area is chosen, it opens beside that area.
class PolicyAreaChooser extends window.PageChooser {
    getModalOptions() {
        const options = super.getModalOptions();
        if (!options.parentId && this.opts.startAt) {
            options.parentId = this.opts.startAt;
        }
        return options;
    }
}
window.PolicyAreaChooser = PolicyAreaChooser;
