// wagtail-localize's editor writes two pieces of English into the page itself,
// outside its catalogue: the heading above the segments ("Inglés to Español
// translation") and the screen-reader label of the footer's menu ("More
// actions"). The template gives their words in the reader's language; this puts
// them in place each time the editor draws them.
// Overrides registry: localize-editor-script-words (home/overrides/__init__.py).
// The admin loads this script above the editor's element: it waits for the page.
document.addEventListener("DOMContentLoaded", () => {
    const words = document.getElementById("translation-editor-words");
    const editor = document.querySelector(".js-translation-editor");
    if (!words || !editor) {
        return;
    }
    const heading = / to .+ translation$/;
    const putWordsInPlace = () => {
        editor.querySelectorAll("section h3").forEach((title) => {
            if (heading.test(title.textContent)) {
                title.textContent = words.dataset.heading;
            }
        });
        editor.querySelectorAll(".w-dropdown__toggle .w-sr-only").forEach((label) => {
            if (label.textContent === "More actions") {
                label.textContent = words.dataset.moreActions;
            }
        });
    };
    new MutationObserver(putWordsInPlace).observe(editor, {
        childList: true,
        subtree: true,
    });
    putWordsInPlace();
});
