from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0005_merge_repeated_signups"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="signup",
            constraint=models.UniqueConstraint(
                fields=("campaign", "email_key"),
                name="signup_one_per_person_and_campaign",
            ),
        ),
    ]
