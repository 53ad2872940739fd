"""Accounts managed without raising anyone: who may grant which group, and to whom.

Only a superuser makes a superuser or grants the editorial board's group (or any group it
does not name below). A site administrator (Quản trị) creates and edits the accounts of
contributors, section editors and other site administrators, and grants those groups only;
it cannot touch a superuser's or a board member's account (a new password there would be the
board's powers), nor raise itself: its own form offers the same groups and keeps the ones it
could not grant. What a group may do is changed by superusers only (migration home/0018 took
the group permissions from the site administrators).

    (as quantri) POST /admin/users/new/ is_superuser=on  -> an account, not a superuser
    (as quantri) POST /admin/users/edit/<itself>/ groups=<Ban biên tập>  -> form error
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from cms.editorial import roles

# The groups a site administrator may grant: none above its own.
GRANTED_BY_SITE_ADMINISTRATORS = (
    roles.CONTRIBUTORS,
    roles.SECTION_EDITORS,
    roles.SITE_ADMINISTRATORS,
)


def grantable_groups(actor) -> QuerySet[Group]:
    """The groups actor may put an account in."""
    if actor.is_superuser:
        return Group.objects.all()
    if not actor.has_perm("auth.change_user") and not actor.has_perm("auth.add_user"):
        return Group.objects.none()
    return Group.objects.filter(name__in=GRANTED_BY_SITE_ADMINISTRATORS)


def may_manage_account(actor, user) -> bool:
    """Whether actor may edit, deactivate or delete user's account."""
    if actor.is_superuser:
        return True
    if user.is_superuser:
        return False
    if user.pk == actor.pk:
        return True  # its own form keeps the groups it could not grant
    grantable = set(grantable_groups(actor).values_list("pk", flat=True))
    return set(user.groups.values_list("pk", flat=True)) <= grantable


def refuse_unless_manageable(actor, accounts) -> None:
    if not all(may_manage_account(actor, user) for user in accounts):
        raise PermissionDenied


class GrantLimitedFormMixin:
    """The groups field offers only what the actor may grant; is_superuser only to superusers.

    A group id the actor may not grant is refused as an invalid choice (a forged POST), and
    groups the account already has but the actor could not grant are kept as they are.
    """

    def __init__(self, *args, actor, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        if actor.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        grantable = grantable_groups(actor)
        self.fields["groups"].queryset = grantable
        self.kept_groups = (
            list(self.instance.groups.exclude(pk__in=grantable)) if self.instance.pk else []
        )

    def clean_groups(self):
        chosen = list(self.cleaned_data.get("groups") or [])
        if self.actor.is_superuser:
            return chosen
        return chosen + self.kept_groups


class AccountCreationForm(GrantLimitedFormMixin, UserCreationForm):
    pass


class AccountEditForm(GrantLimitedFormMixin, UserEditForm):
    pass


class ActorFormKwargsMixin:
    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "actor": self.request.user}


class CreateView(ActorFormKwargsMixin, users.CreateView):
    pass


class EditView(ActorFormKwargsMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        refuse_unless_manageable(request.user, [self.object])
        return super().dispatch(request, *args, **kwargs)


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        refuse_unless_manageable(request.user, [self.get_object()])
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    """Wagtail's users admin with the forms and checks above (cms.editorial.apps)."""

    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update: bool = False):
        return AccountEditForm if for_update else AccountCreationForm


def refuse_raising_through_bulk_actions(request, action_type: str, objects, action) -> None:
    """Wagtail's user listing bulk actions (assign a group, (de)activate, delete) follow the
    same rules as the forms."""
    if getattr(action, "model", None) is not get_user_model() or request.user.is_superuser:
        return
    refuse_unless_manageable(request.user, objects)
    if action_type == "assign_role":
        role = action.cleaned_form.cleaned_data["role"]
        if not grantable_groups(request.user).filter(pk=role.pk).exists():
            raise PermissionDenied
