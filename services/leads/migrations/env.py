from services.kit.db import alembic_env
from services.leads.models import Base

alembic_env(Base.metadata)
