import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name="LedgerEntry",
            fields=[
                ("seq", models.BigIntegerField(primary_key=True, serialize=False, verbose_name="Số thứ tự")),
                ("created_at", models.DateTimeField(verbose_name="Thời điểm (UTC)")),
                ("actor_repr", models.CharField(max_length=300, verbose_name="Người thực hiện (ghi lại)")),
                ("event", models.CharField(db_index=True, max_length=100, verbose_name="Sự kiện")),
                ("subject_type", models.CharField(blank=True, max_length=100, verbose_name="Loại đối tượng")),
                ("subject_id", models.CharField(blank=True, max_length=64, verbose_name="Mã đối tượng")),
                ("subject_repr", models.CharField(blank=True, max_length=500, verbose_name="Đối tượng (ghi lại)")),
                ("payload", models.TextField(default="{}", verbose_name="Dữ liệu")),
                ("prev_hash", models.CharField(max_length=64)),
                ("hash", models.CharField(max_length=64, unique=True)),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người thực hiện",
                    ),
                ),
            ],
            options={
                "verbose_name": "Bản ghi nhật ký",
                "verbose_name_plural": "Sổ nhật ký",
                "db_table": "audit_ledgerentry",
                "ordering": ["seq"],
                "default_permissions": ("view",),
                "indexes": [models.Index(fields=["subject_type", "subject_id"], name="audit_subject_idx")],
            },
        ),
    ]
