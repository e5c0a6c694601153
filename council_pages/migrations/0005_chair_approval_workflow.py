"""The chair-approval task and the one workflow, "Formandsgodkendelse", on the whole tree."""

import django.db.models.deletion
from django.db import migrations, models

WORKFLOW_NAME = "Formandsgodkendelse"
TASK_NAME = "Godkendelse af formand"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    ChairApprovalTask = apps.get_model("council_pages.ChairApprovalTask")

    content_type, _ = ContentType.objects.get_or_create(
        app_label="council_pages", model="chairapprovaltask"
    )
    task = ChairApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ChairApprovalTask.objects.create(
            name=TASK_NAME, content_type=content_type, active=True
        )
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    # One workflow for every page: Wagtail's default "Moderators approval" (and any other
    # workflow assignment) gives way, so that no group-based approval can bypass the chair.
    others = Workflow.objects.exclude(pk=workflow.pk)
    WorkflowPage.objects.exclude(workflow=workflow).delete()
    others.update(active=False)
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    ChairApprovalTask = apps.get_model("council_pages.ChairApprovalTask")

    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    ChairApprovalTask.objects.filter(name=TASK_NAME).delete()
    moderators = Workflow.objects.filter(name="Moderators approval").first()
    root = Page.objects.filter(depth=1).first()
    if moderators is not None and root is not None:
        moderators.active = True
        moderators.save(update_fields=["active"])
        WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": moderators})


class Migration(migrations.Migration):

    dependencies = [
        ('council_pages', '0004_publications'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='ChairApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
            ],
            options={
                'verbose_name': 'godkendelse af formand',
                'verbose_name_plural': 'godkendelser af formand',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.RunPython(create_workflow, remove_workflow),
    ]
