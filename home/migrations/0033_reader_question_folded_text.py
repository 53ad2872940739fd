"""The folded text "Hỏi đáp" search matches, filled in for the questions already stored."""

from django.db import migrations, models

from cms.vietnamese import fold


def fill_folded_text(apps, schema_editor) -> None:
    ReaderQuestion = apps.get_model("home", "ReaderQuestion")
    rows = ReaderQuestion.objects.only("id", "subject", "message", "answer")
    for question in rows.iterator():
        words = " ".join(fold(t) for t in (question.subject, question.message, question.answer))
        question.folded_text = f" {' '.join(words.split())} "
        question.save(update_fields=["folded_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0032_organisation_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="readerquestion",
            name="folded_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_folded_text, migrations.RunPython.noop),
    ]
